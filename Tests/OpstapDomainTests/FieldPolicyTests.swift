import Testing
@testable import OpstapDomain

@Suite struct FieldPolicyTests {
    @Test func onlyTheMunicipalitySeesBSNBenefitsAndCivicIntegration() {
        for kind in OrganisationKind.allCases {
            let groups = FieldPolicy.visibleGroups(organisationKind: kind, roles: [.coordinator])
            let sensitive: Set<FieldGroup> = [.bsn, .benefits, .civicIntegration]
            #expect(groups.isSuperset(of: sensitive) == (kind == .municipality), "\(kind)")
            #expect(groups.isDisjoint(with: sensitive) == (kind != .municipality), "\(kind)")
        }
    }

    @Test func employersSeeWorkingDataNotHousehold() {
        let groups = FieldPolicy.visibleGroups(organisationKind: .careEmployer, roles: [.workSupervisor])
        #expect(groups.contains(.identity) && groups.contains(.language))
        #expect(!groups.contains(.household))
    }

    @Test func reportingSeesNoIndividualFields() {
        #expect(FieldPolicy.visibleGroups(organisationKind: .municipality, roles: [.reporting]).isEmpty)
        #expect(!FieldPolicy.maySearchByBSN(organisationKind: .municipality, roles: [.reporting]))
    }

    @Test func redactionEmptiesWhatIsNotVisible() {
        var profile = IntakeProfile(
            household: .single, benefit: .participationAct, civicIntegration: CivicIntegration(route: .educationRoute))
        profile.contact.phone = "06-1"
        let redacted = FieldPolicy.redact(profile, visible: [.identity, .contact])
        #expect(redacted.benefit == nil && redacted.household == nil && redacted.civicIntegration.route == nil)
        #expect(redacted.contact.phone == "06-1")
    }

    @Test func anEditorCannotWipeWhatTheyCannotSee() {
        let stored = IntakeProfile(
            household: .partner, benefit: .participationAct, civicIntegration: CivicIntegration(route: .b1Route))
        let edited = IntakeProfile(languages: ["Arabisch"])
        let merged = FieldPolicy.merge(stored: stored, edited: edited, visible: [.identity, .language])
        #expect(
            merged.benefit == .participationAct && merged.household == .partner
                && merged.civicIntegration.route == .b1Route)
        #expect(merged.languages == ["Arabisch"])
    }

    @Test func guidanceRolesReachOnlyTheirOwnParticipants() {
        #expect(RecordReach.forRoles([.workSupervisor]) == .assignedOnly)
        #expect(RecordReach.forRoles([.coordinator, .coach]) == .allInPartnerProgrammes)
        #expect(RecordReach.forRoles([.teacher]) == .participantsInPartnerProgrammes)
        #expect(RecordReach.forRoles([.reporting]) == .none)
    }
}

@Suite struct HousingFieldPolicyTests {
    @Test func housingIsForHousingPartnersAndHousingOfficersSeeNoBenefits() {
        let officer = FieldPolicy.visibleGroups(organisationKind: .municipality, roles: [.housingOfficer])
        #expect(officer.contains(.housing) && !officer.contains(.benefits) && !officer.contains(.civicIntegration))
        #expect(FieldPolicy.visibleGroups(organisationKind: .municipality, roles: [.coordinator]).contains(.benefits))
        #expect(
            FieldPolicy.visibleGroups(organisationKind: .housingCorporation, roles: [.housingOfficer]).contains(
                .housing))
        #expect(!FieldPolicy.visibleGroups(organisationKind: .careEmployer, roles: [.employerHR]).contains(.housing))
        #expect(!FieldPolicy.visibleGroups(organisationKind: .school, roles: [.teacher]).contains(.housing))
    }
}
