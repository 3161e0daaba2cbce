import Foundation
import OpstapDomain

/// The two reference programmes (../shared/seeds), as configured data.
enum DemoProgrammes {
    static func leiden(_ o: DemoOrganisations, mbo2TheoryHours: Double = 8) -> ProgrammeDefinition {
        ProgrammeDefinition(
            name: "Op je plek in de zorg",
            description:
                "Woon-leer-werktraject in Leiden: statushouders en studenten naar een vaste baan in de zorg, met een vooropleiding, een mbo-zorgopleiding die grotendeels in de praktijk plaatsvindt, een eigen woning en baangarantie na een succesvol klikgesprek.",
            partners: [
                Partner(
                    organisationID: o.gemeenteLeiden, part: "Regie, werving en de vooropleiding (team Inburgering)"),
                Partner(organisationID: o.alrijne, part: "Praktijkplaatsen, werkbegeleiding en banen"),
                Partner(organisationID: o.mboRijnland, part: "Mbo-opleiding en onderwijsbegeleiding"),
                Partner(organisationID: o.vluchtelingenwerk, part: "Werving en sociaal-maatschappelijke begeleiding"),
                Partner(organisationID: o.coa, part: "Aanmelding van statushouders uit het azc"),
                Partner(organisationID: o.avant, part: "Banen bij de AVANT-zorgorganisaties"),
            ],
            streams: [
                Stream(code: "statushouders", name: "Statushouders", firstPhaseCode: "vooropleiding"),
                Stream(code: "studenten", name: "Studenten", firstPhaseCode: "mbo-1"),
            ],
            phases: [
                Phase(
                    code: "vooropleiding", name: "Vooropleiding", kind: .preEducation, plannedWeeks: 20,
                    schedule: [
                        ScheduleItem(activity: .language, hoursPerWeek: 10, days: [.monday, .tuesday, .wednesday]),
                        ScheduleItem(activity: .theory, hoursPerWeek: 6, days: [.tuesday, .thursday]),
                        ScheduleItem(activity: .careSkills, hoursPerWeek: 2, days: [.thursday]),
                        ScheduleItem(activity: .practice, hoursPerWeek: 4, days: [.friday]),
                        ScheduleItem(activity: .coaching, hoursPerWeek: 2, days: [.wednesday]),
                    ]),
                Phase(
                    code: "mbo-1", name: "Mbo-1 Assistent Dienstverlening", kind: .vocationalEducation,
                    plannedWeeks: 40,
                    schedule: [
                        ScheduleItem(activity: .theory, hoursPerWeek: 8, days: [.monday]),
                        ScheduleItem(
                            activity: .practice, hoursPerWeek: 30, days: [.tuesday, .wednesday, .thursday, .friday]),
                        ScheduleItem(activity: .coaching, hoursPerWeek: 2, days: [.friday]),
                    ]),
                // Mbo-2 in the work-based route (BBL) takes a year and a half next to the job.
                Phase(
                    code: "mbo-2", name: "Mbo-2 Helpende Zorg en Welzijn", kind: .vocationalEducation, plannedWeeks: 78,
                    schedule: [
                        ScheduleItem(activity: .theory, hoursPerWeek: mbo2TheoryHours, days: [.monday]),
                        ScheduleItem(
                            activity: .practice, hoursPerWeek: 38 - mbo2TheoryHours,
                            days: [.tuesday, .wednesday, .thursday, .friday]),
                        ScheduleItem(activity: .coaching, hoursPerWeek: 2, days: [.friday]),
                    ]),
            ],
            selectionCriteria: [
                SelectionCriterion(
                    code: "taalniveau", name: "Taalniveau Nederlands",
                    description: "Voldoende om de vooropleiding of mbo-1 te volgen.", maxScore: 5, minimumScore: 2),
                SelectionCriterion(
                    code: "vooropleiding", name: "Eerdere opleiding",
                    description: "Opleiding in het land van herkomst of in Nederland.", maxScore: 5, minimumScore: 1),
                SelectionCriterion(
                    code: "motivatie", name: "Motivatie", description: "Wil de opleiding afmaken en in de zorg werken.",
                    maxScore: 5, minimumScore: 3),
                SelectionCriterion(
                    code: "affiniteit-zorg", name: "Affiniteit met de zorg",
                    description: "Beeld van het werk en de omgang met patiënten.", maxScore: 5, minimumScore: 3),
            ],
            outcomes: [
                Outcome(code: "baan-avant", name: "Vaste baan bij een AVANT-zorgorganisatie", kind: .job),
                Outcome(code: "bbl", name: "Verder in een BBL-opleiding", kind: .bbl),
                Outcome(code: "vervolgopleiding", name: "Vervolgopleiding", kind: .furtherEducation),
                Outcome(code: "anders", name: "Anders", kind: .other),
            ],
            // The job guarantee: a permanent job of at least 24 hours a week.
            guidance: GuidanceSettings(jobGuaranteeHours: 24))
    }

    static func kansrijk(_ o: DemoOrganisations) -> ProgrammeDefinition {
        ProgrammeDefinition(
            name: "Kansrijk",
            description:
                "Leerwerktraject van Amarant in de gehandicaptenzorg: twee periodes van 20 weken, drie dagen per week (één lesdag, twee dagen stage), met coach, werkbegeleider en buddy; deelname met behoud van uitkering.",
            partners: [
                Partner(
                    organisationID: o.amarant,
                    part: "Initiatiefnemer: stageplaatsen, coaching, werkbegeleiding en buddy's"),
                Partner(organisationID: o.cello, part: "Zorgpartner in de gehandicaptenzorg"),
                Partner(organisationID: o.calibris, part: "Advies over leerbedrijven en opleiding"),
                Partner(organisationID: o.gemeenteTilburg, part: "Werving en koppeling aan inburgering"),
                Partner(organisationID: o.wsp, part: "Werkgeversdienstverlening en plaatsing"),
                Partner(organisationID: o.refugeeTeam, part: "Werving en begeleiding van statushouders"),
                Partner(organisationID: o.rocTilburg, part: "Lesdag: zorgonderwijs en Nederlandse taal"),
                Partner(organisationID: o.sterkHuis, part: "Begeleiding van jonge vluchtelingen"),
            ],
            streams: [
                Stream(code: "statushouders", name: "Statushouders", firstPhaseCode: "periode-1")
            ],
            phases: [
                Phase(
                    code: "periode-1", name: "Periode 1: kennismaken met de gehandicaptenzorg", kind: .orientation,
                    plannedWeeks: 20,
                    schedule: [
                        ScheduleItem(activity: .language, hoursPerWeek: 3, days: [.tuesday]),
                        ScheduleItem(activity: .employeeSkills, hoursPerWeek: 2, days: [.tuesday]),
                        ScheduleItem(activity: .careSkills, hoursPerWeek: 2, days: [.tuesday]),
                        ScheduleItem(activity: .practice, hoursPerWeek: 14, days: [.wednesday, .thursday]),
                        ScheduleItem(activity: .coaching, hoursPerWeek: 1, days: [.thursday]),
                    ]),
                Phase(
                    code: "periode-2", name: "Periode 2: praktijkstage en lesdag", kind: .internship, plannedWeeks: 20,
                    schedule: [
                        ScheduleItem(activity: .careSkills, hoursPerWeek: 4, days: [.tuesday]),
                        ScheduleItem(activity: .language, hoursPerWeek: 3, days: [.tuesday]),
                        ScheduleItem(activity: .practice, hoursPerWeek: 14, days: [.monday, .wednesday]),
                        ScheduleItem(activity: .coaching, hoursPerWeek: 1, days: [.wednesday]),
                    ]),
            ],
            selectionCriteria: [
                SelectionCriterion(
                    code: "motivatie", name: "Motivatie", description: "Geen taaleis: selectie op motivatie.",
                    maxScore: 5, minimumScore: 3),
                SelectionCriterion(
                    code: "affiniteit-zorg", name: "Affiniteit met de gehandicaptenzorg",
                    description: "Na een kennismaking op een locatie van Amarant.", maxScore: 5, minimumScore: 2),
            ],
            outcomes: [
                Outcome(code: "betaalde-functie", name: "Betaalde functie als assistent-begeleider", kind: .job),
                Outcome(code: "bbl-opleiding", name: "BBL-opleiding (mbo)", kind: .bbl),
                Outcome(code: "vervolgopleiding", name: "Vervolgopleiding", kind: .furtherEducation),
                Outcome(code: "anders", name: "Anders", kind: .other),
            ])
    }
}
