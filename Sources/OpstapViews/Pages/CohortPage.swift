import Foundation
import OpstapDomain

public struct CohortModel: Sendable {
    public var id: UUID
    public var name: String
    public var programmeName: String
    public var programmeHref: String
    public var startDate: String
    public var capacity: Int
    public var taken: Int
    public var streams: [String]
    public var version: Int
    public var participants: ResultPage<ParticipantRow>
    public init(
        id: UUID, name: String, programmeName: String, programmeHref: String, startDate: String, capacity: Int,
        taken: Int, streams: [String], version: Int, participants: ResultPage<ParticipantRow>
    ) {
        self.id = id
        self.name = name
        self.programmeName = programmeName
        self.programmeHref = programmeHref
        self.startDate = startDate
        self.capacity = capacity
        self.taken = taken
        self.streams = streams
        self.version = version
        self.participants = participants
    }
}

public enum CohortPage {
    public static func render(_ context: PageContext, _ model: CohortModel) -> String {
        let t = context.t
        return Layout.page(context, title: model.name) {
            Widgets.facts([
                (t(.programme), model.programmeName),
                (t(.startDate), DateText.text(iso: model.startDate, t.locale)),
                (t(.places), "\(model.taken) / \(model.capacity)"),
                (t(.streams), model.streams.joined(separator: ", ")),
                (t(.version), "v\(model.version)"),
            ])
            el("p") {
                Widgets.link(t(.backToProgramme), model.programmeHref)
                " · "
                Widgets.link(t(.cohortHoursLink), Paths.cohortHours(model.id))
                if context.user?.can(.enrol) == true {
                    " · "
                    Widgets.link(t(.allocationLink), Paths.cohortAllocation(model.id))
                    " · "
                    Widgets.link(t(.participantImportLink), Paths.cohortParticipantImportsNew(model.id))
                }
            }
            el("h2") { t(.participantsTitle) }
            ParticipantList.table(context, model.participants.items, caption: t(.participantsOf, model.name))
            Widgets.pagination(context, model.participants, path: Paths.cohort(model.id), query: "")
        }
    }
}
