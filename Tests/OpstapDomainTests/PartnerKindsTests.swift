import Testing
@testable import OpstapDomain

@Suite struct PartnerKindsTests {
    @Test func fundersAndUnspecifiedPartnersSeeNoPersonalFields() {
        for kind in [OrganisationKind.funder, .knowledgeInstitution, .other] {
            #expect(
                FieldPolicy.visibleGroups(organisationKind: kind, roles: [.administrator, .coordinator]) == [],
                "\(kind)")
        }
    }

    @Test func anEmployerOutsideCareSeesWhatACareEmployerSees() {
        for roles in [Set([Role.workSupervisor]), [.employerHR], [.coordinator]] {
            #expect(
                FieldPolicy.visibleGroups(organisationKind: .employerOutsideCare, roles: roles)
                    == FieldPolicy.visibleGroups(organisationKind: .careEmployer, roles: roles))
        }
        #expect(
            OrganisationKind.employerOutsideCare.isEmployer && OrganisationKind.careEmployer.isEmployer
                && !OrganisationKind.school.isEmployer)
    }

    @Test func existingLocationsGetAKindFromTheirNameOrOrganisation() {
        #expect(LocationKind.assumed(name: "Alrijne Ziekenhuis Leiden", organisation: .careEmployer) == .hospitalWard)
        #expect(LocationKind.assumed(name: "Dagbesteding Tilburg-Noord", organisation: .careEmployer) == .dayActivities)
        #expect(LocationKind.assumed(name: "Stadhuis", organisation: .municipality) == .office)
        #expect(LocationKind.assumed(name: "Campus Leiden", organisation: .school) == .school)
        #expect(LocationKind.assumed(name: "Werkplaats", organisation: .employerOutsideCare) == .other)
    }
}
