/// A participant's schedule as an iCalendar (RFC 5545) document: one all-day event per
/// scheduled day, listing the activities and hours, with public holidays and pauses left out.
public enum ICalendar {
    public struct Day: Sendable, Equatable {
        public var date: SimpleDate
        public var summary: String
        public var description: String

        public init(date: SimpleDate, summary: String, description: String) {
            self.date = date
            self.summary = summary
            self.description = description
        }
    }

    public static func document(name: String, uidPrefix: String, days: [Day], stamp: String) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Opstap//Rooster//NL", "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:" + escape(name),
        ]
        for day in days {
            let compact = day.date.iso.replacingOccurrences(of: "-", with: "")
            lines += [
                "BEGIN:VEVENT",
                "UID:\(uidPrefix)-\(compact)@opstap",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(compact)",
                "DTEND;VALUE=DATE:\(day.date.adding(days: 1).iso.replacingOccurrences(of: "-", with: ""))",
                "SUMMARY:" + escape(day.summary),
            ]
            if !day.description.isEmpty { lines.append("DESCRIPTION:" + escape(day.description)) }
            lines += [
                "END:VEVENT"
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.flatMap(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Text values escape backslash, semicolon, comma and newlines.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets continue on the next line after a space.
    static func fold(_ line: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in line {
            if current.utf8.count + String(character).utf8.count > (result.isEmpty ? 75 : 74) {
                result.append(current)
                current = ""
            }
            current.append(character)
        }
        result.append(current)
        return result.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }
    }
}
