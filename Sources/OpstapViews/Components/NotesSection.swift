import Foundation
import OpstapDomain

public struct NoteRow: Sendable {
    public var id: UUID
    public var author: String
    public var organisation: String
    public var writtenAt: Date
    public var level: NoteLevel
    public var contactOn: String?
    public var text: String
    public var mine: Bool
    /// Earlier versions this note corrected, newest first.
    public var earlier: [(writtenAt: Date, text: String)]
    public init(
        id: UUID, author: String, organisation: String, writtenAt: Date, level: NoteLevel, contactOn: String?,
        text: String, mine: Bool,
        earlier: [(writtenAt: Date, text: String)]
    ) {
        self.id = id
        self.author = author
        self.organisation = organisation
        self.writtenAt = writtenAt
        self.level = level
        self.contactOn = contactOn
        self.text = text
        self.mine = mine
        self.earlier = earlier
    }
}

/// The participant's journal: notes the reader may see, each with its level, and a form to
/// write one. A correction replaces a note and keeps the earlier text visible.
public enum NotesSection {
    public static func render(
        _ context: PageContext, _ notes: [NoteRow], action: String, canWrite: Bool, errors: [FieldError], today: String,
        typed: [String: String] = [:]
    ) -> HTMLNode {
        let t = context.t
        // The part "journal" of the dossier: the redirect after a note lands here, with focus.
        return el(
            "section",
            [
                "class": "notes", "id": DossierPage.Part.journal.rawValue, "tabindex": "-1",
                "aria-labelledby": "notes-title",
            ]
        ) {
            el("h2", ["id": "notes-title"]) { t(.notesTitle) }
            Layout.sectionFlash(context, DossierPage.Part.journal.rawValue)
            if canWrite {
                FormFold.render(t(.addNote), id: "add-note", open: !errors.isEmpty) {
                    el("form", ["method": "post", "action": action, "class": "action", "novalidate": ""]) {
                        Form.errorSummary(context, errors, scope: "new")
                        Form.csrf(context)
                        Form.textarea(
                            context, label: t(.noteText), name: "text", value: typed["text"] ?? "", errors: errors,
                            required: true, scope: "new")
                        Form.select(
                            context, label: t(.noteLevelLabel), name: "level",
                            options: Form.options(NoteLevel.self, t),
                            selected: typed["level"] ?? NoteLevel.team.rawValue, errors: errors, scope: "new")
                        Form.input(
                            context, label: t(.contactOn), name: "contactOn", value: typed["contactOn"] ?? "",
                            type: "date", errors: errors, hint: t(.contactOnHint), scope: "new")
                        Form.submit(t(.addNote), secondary: true)
                    }
                }
            }
            if notes.isEmpty { el("p", ["class": "empty"]) { t(.noNotes) } }
            el("ol", ["class": "journal"]) {
                for note in notes {
                    el("li") {
                        el("p", ["class": "by"]) {
                            Widgets.badge(t.label(note.level), kind: note.level.rawValue)
                            " "
                                + t(
                                    .noteBy, note.author, note.organisation,
                                    DateText.timestamp(note.writtenAt, t.locale))
                            if let contact = note.contactOn {
                                " · " + t(.contactMoment, DateText.text(iso: contact, t.locale))
                            }
                        }
                        el("p") { note.text }
                        if !note.earlier.isEmpty {
                            el("details") {
                                el("summary") { t(.correctedNote, String(note.earlier.count)) }
                                for version in note.earlier {
                                    el("p", ["class": "earlier"]) {
                                        DateText.timestamp(version.writtenAt, t.locale) + ": " + version.text
                                    }
                                }
                            }
                        }
                        if note.mine && canWrite {
                            el("details") {
                                el("summary") { t(.correct) }
                                el("form", ["method": "post", "action": action, "class": "action", "novalidate": ""]) {
                                    Form.csrf(context)
                                    el("input", ["type": "hidden", "name": "corrects", "value": note.id.uuidString])
                                    el("input", ["type": "hidden", "name": "level", "value": note.level.rawValue])
                                    el("input", ["type": "hidden", "name": "contactOn", "value": note.contactOn ?? ""])
                                    Form.textarea(
                                        context, label: t(.noteText), name: "text", value: note.text,
                                        scope: note.id.uuidString)
                                    Form.submit(t(.saveCorrection), secondary: true)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
