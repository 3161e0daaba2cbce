import Foundation
import OpstapDomain

/// Upload a CSV of candidates.
public enum NewImportPage {
    public static func render(_ context: PageContext, _ m: NewImportModel) -> String {
        let t = context.t
        return Layout.page(context, title: t(.importTitle, m.programmeName)) {
            el("p") { t(.importIntro) }
            el(
                "form",
                [
                    "method": "post", "action": Paths.programmeImports(m.programmeID),
                    "enctype": "multipart/form-data", "novalidate": "",
                ]
            ) {
                Form.csrf(context)
                Form.errorSummary(context, m.errors)
                Form.select(
                    context, label: t(.stream), name: "stream", options: m.streams, selected: m.values["stream"],
                    errors: m.errors)
                Form.input(
                    context, label: t(.csvFile), name: "file", type: "file", errors: m.errors, required: true,
                    hint: t(.csvFileHint))
                Form.submit(t(.uploadFile))
            }
        }
    }
}

/// Mapping, preview, progress and result of one import.
public enum ImportPage {
    public static func render(_ context: PageContext, _ m: ImportModel) -> String {
        let t = context.t
        return Layout.page(context, title: t(.importOf, m.fileName)) {
            if m.status == "running" {
                el("p", ["id": "import-progress-label", "aria-live": "polite"]) {
                    t(.importRunning, t.count(m.processedRows), t.count(m.totalRows))
                }
                el(
                    "progress",
                    [
                        "max": String(max(m.totalRows, 1)), "value": String(m.processedRows),
                        "aria-labelledby": "import-progress-label",
                        "data-poll": m.paths.progress, "data-label": t(.importRunning, "{0}", "{1}"),
                    ]
                ) { "\(m.processedRows)/\(m.totalRows)" }
                el("p") { Widgets.link(t(.refreshPage), m.paths.page) }
                el("script", ["src": Paths.progressScript(), "defer": ""]) {}
            } else if m.status == "done" {
                el("p", ["class": "flash", "role": "status"]) {
                    t(
                        m.participants ? .participantImportDone : .importDone, t.count(m.importedRows),
                        t.count(m.skippedRows))
                }
                el("p") { Widgets.link(m.participants ? t(.participantImportToCohort) : t(.navCandidates), m.doneHref) }
            } else if m.status == "failed" {
                el("p", ["class": "error-summary", "role": "alert"]) { t(.importFailed, m.failure) }
            } else {
                mapping(context, m)
                if m.previewed { preview(context, m) }
            }
        }
    }

    private static func mapping(_ context: PageContext, _ m: ImportModel) -> HTMLNode {
        let t = context.t
        let columns: [(value: String, label: String)] = m.header.enumerated().map { index, name in
            (
                String(index),
                name
                    + (index < m.sample.count && !m.sample[index].isEmpty
                        ? " (" + t(.forExample, m.sample[index]) + ")" : "")
            )
        }
        return fragment {
            el("h2") { t(.columnMapping) }
            el("p") { t(.columnMappingIntro, t.count(m.totalRows)) }
            el("form", ["method": "post", "action": m.paths.mapping, "novalidate": ""]) {
                Form.csrf(context)
                Form.errorSummary(context, m.errors)
                for choice in m.choices {
                    Form.select(
                        context, label: label(choice, t) + (choice.isRequired ? " *" : ""), name: choice.name,
                        options: columns,
                        selected: choice.selected.map(String.init), errors: m.errors, includeEmpty: true)
                }
                Form.submit(t(.showPreview))
            }
        }
    }

    /// A field's label: given, or a candidate field's from the catalogue.
    static func label(_ choice: ImportColumnChoice, _ t: Translator) -> String {
        choice.label ?? CandidateImportField(rawValue: choice.name).map { t.label($0) } ?? choice.name
    }

    private static func preview(_ context: PageContext, _ m: ImportModel) -> HTMLNode {
        let t = context.t
        let headers = [t(.line)] + m.choices.filter { $0.selected != nil }.map { label($0, t) }
        return fragment {
            el("h2", ["id": "preview"]) { t(.importPreview) }
            if m.problemCount > 0 {
                el("div", ["class": "error-summary", "role": "alert", "id": "import-errors"]) {
                    el("h3") { t(.importRowsWithErrors, t.count(m.problemCount)) }
                    el("p") { t(.importNothingStored) }
                    el("ul") {
                        for row in m.problemRows {
                            el("li") { t(.lineN, String(row.line)) + ": " + row.errors.joined(separator: " ") }
                        }
                    }
                }
            } else {
                el("p") {
                    t(
                        m.participants ? .participantImportReady : .importReady,
                        t.count(m.totalRows - m.duplicateRows.count))
                }
            }
            el("form", ["method": "post", "action": m.paths.run]) {
                Form.csrf(context)
                if !m.duplicateRows.isEmpty {
                    el("fieldset", ["class": "checkboxes"]) {
                        el("legend") { t(.importDuplicates, t.count(m.duplicateRows.count)) }
                        for row in m.duplicateRows {
                            el("span", ["class": "check"]) {
                                el(
                                    "input",
                                    [
                                        "type": "checkbox", "id": "dup-\(row.line)", "name": "importAnyway",
                                        "value": String(row.line),
                                    ])
                                el("label", ["for": "dup-\(row.line)"]) {
                                    t(.lineN, String(row.line)) + ": " + row.values.joined(separator: " ") + " — "
                                        + (row.duplicate ?? "") + " " + t(.importAnyway)
                                }
                            }
                        }
                    }
                }
                if m.problemCount == 0 { Form.submit(t(.runImport)) }
            }
            Widgets.table(
                caption: t(.importFirstRows), headers: headers,
                rows: m.firstRows.map { row in
                    [.text(String(row.line))] + row.values.map { HTMLNode.text($0) }
                }, empty: t(.noPeople))
        }
    }
}

// MARK: - Participant import

/// Upload a CSV of participants already running in a cohort.
public enum NewParticipantImportPage {
    public static func render(_ context: PageContext, _ m: NewParticipantImportModel) -> String {
        let t = context.t
        return Layout.page(context, title: t(.participantImportTitle, m.cohortName)) {
            el("p") { t(.participantImportIntro) }
            el("ul") {
                for entry in m.phasesByStream {
                    el("li") { t(.participantImportPhasesOf, entry.stream, entry.phases.joined(separator: " → ")) }
                }
            }
            el(
                "form",
                [
                    "method": "post", "action": Paths.cohortParticipantImports(m.cohortID),
                    "enctype": "multipart/form-data", "novalidate": "",
                ]
            ) {
                Form.csrf(context)
                Form.errorSummary(context, m.errors)
                Form.select(
                    context, label: t(.stream), name: "stream", options: m.streams, selected: m.values["stream"],
                    errors: m.errors)
                Form.input(
                    context, label: t(.csvFile), name: "file", type: "file", errors: m.errors, required: true,
                    hint: t(.participantImportFileHint))
                Form.submit(t(.uploadFile))
            }
        }
    }
}

extension ImportModel {
    /// The import's page and the paths its forms post to: a file of candidates under `/imports`,
    /// one of participants under `/participant-imports`.
    var paths: (page: String, mapping: String, run: String, progress: String) {
        participants
            ? (
                Paths.participantImport(id), Paths.participantImportMapping(id), Paths.participantImportRun(id),
                Paths.participantImportProgress(id)
            )
            : (
                Paths.candidateImport(id), Paths.candidateImportMapping(id), Paths.candidateImportRun(id),
                Paths.candidateImportProgress(id)
            )
    }
}
