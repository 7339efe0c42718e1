Alias: $gkObs = https://fhir.geboorteketen.nl/CodeSystem/gk-observation-code
Alias: $vulnCat = https://fhir.geboorteketen.nl/CodeSystem/vulnerability-category
Alias: $vulnFactor = https://fhir.geboorteketen.nl/CodeSystem/vulnerability-factor
Alias: $programme = https://fhir.geboorteketen.nl/CodeSystem/support-programme
Alias: $gpActivity = https://fhir.geboorteketen.nl/CodeSystem/gezinsplan-activity

Profile: GkVulnerability
Parent: Observation
Id: gk-vulnerability
Title: "GK Kwetsbaarheid (vulnerability assessment)"
Description: """
The vulnerability of a pregnant woman or family by the definition of the municipality of
Rotterdam and Erasmus MC: category a/b/c/d (valueCodeableConcept), the risk factors and
protective factors found (components), who assessed it (midwife or JGZ) and when.
A later assessment supersedes an earlier one: the programme rules read the one with the latest
effective date whose status is final or amended; mark an earlier one `entered-in-error` only when
it was a mistake.
Not derived from nl-core: the Rotterdam vulnerability categories are no zib.
"""
* status MS
* code = $gkObs#kwetsbaarheid
* subject 1..1 MS
* subject only Reference(GkPatient)
* subject ^short = "De zwangere / moeder"
* effective[x] 1..1 MS
* effective[x] only dateTime
* performer 1..* MS
* performer only Reference(GkPractitionerRole or GkOrganization)
* performer ^short = "Verloskundige of JGZ die de inschatting maakte"
* value[x] 1..1 MS
* value[x] only CodeableConcept
* valueCodeableConcept from GkVulnerabilityCategoryVS (required)
* component MS
* component.code from GkVulnerabilityComponentVS (required)
* component.value[x] 1..1
* component.value[x] only CodeableConcept
* component.valueCodeableConcept from GkVulnerabilityFactorVS (required)
* insert PointsAtMaternalRecord(1..1)

ValueSet: GkVulnerabilityComponentVS
Id: vulnerability-component
Title: "Soort factor"
Description: "Risicofactor of beschermende factor."
* $gkObs#risicofactor
* $gkObs#beschermende-factor

Profile: GkCareTeam
Parent: CareTeam
Id: gk-care-team
Title: "GK Netwerkpartners (care team)"
Description: """
The network partners around a family and what each is responsible for: participant.member is
the organisation or professional, participant.role its role and, in role.text, its
responsibility in words (e.g. "JGZ: prenataal huisbezoek en evaluatie").
Not derived from nl-core-CareTeam: zib2020 CareTeam allows one health professional and no organisations as members, and slices its participants by resolving each member; our network lists several organisations.
"""
* status 1..1 MS
* subject MS
* subject only Reference(GkPatient)
* participant 1..* MS
* participant.member 1..1 MS
* participant.member only Reference(GkOrganization or GkPractitionerRole or GkPractitioner or GkPatient or RelatedPerson)
* participant.role 1..* MS
* participant.role.text 1..1 MS
* participant.role.text ^short = "De verantwoordelijkheid van deze partner in woorden"
* participant.onBehalfOf only Reference(GkOrganization)
* managingOrganization only Reference(GkOrganization)

Profile: GkGezinsplanGoal
Parent: Goal
Id: gk-gezinsplan-goal
Title: "GK Doel in het gezinsplan"
Description: "A goal the family wants to reach, in the family's own words (description.text)."
* lifecycleStatus MS
* description MS
* description.text 1..1 MS
* subject 1..1 MS
* subject only Reference(GkPatient)
* insert PointsAtMaternalRecord(0..1)

Extension: ExtFamilyMember
Id: ext-family-member
Title: "Gezinslid"
Description: "A member of the family this gezinsplan is for, besides the mother in CarePlan.subject: a child (Patient) or the partner (RelatedPerson)."
Context: CarePlan
* value[x] only Reference(GkPatient or RelatedPerson)

Profile: GkGezinsplan
Parent: CarePlan
Id: gk-gezinsplan
Title: "GK Gezinsplan (family plan)"
Description: """
The gezinsplan: what the family, midwife, kraamzorg, JGZ and other partners agreed.
subject = the mother; the child(ren) and partner in extension ext-family-member; goals in
`goal`; the network partners and their responsibilities in `careTeam` (gk-care-team); the agreed
support as activities whose detail.code names the programme (CodeSystem support-programme or a
region's own); evaluation moments as activities with code gezinsplan-activity#evaluatie, a
scheduled period and, once held, outcomeCodeableConcept and progress; author = the partner
who recorded it; the family's consent as supportingInfo → Consent.
A plan is changed by updating it (PUT): every version stays in the history (`_history`), and
partners read the current version. A plan that replaces another sets `replaces`, and the old one
gets status revoked.
Not derived from nl-core-TreatmentObjective: that is a treatment goal of a health professional; a gezinsplan goal is the family's own.
Not derived from nl-core: zib2020 has no care plan.
"""
* extension contains ExtFamilyMember named familyMember 0..* MS
* status MS
* intent = #plan
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains gezinsplan 1..1 MS
* category[gezinsplan] = $sct#736377005
* subject only Reference(GkPatient)
* subject ^short = "De moeder"
* author 1..1 MS
* author only Reference(GkOrganization or GkPractitionerRole)
* careTeam 1..* MS
* careTeam only Reference(GkCareTeam)
* goal 1..* MS
* goal only Reference(GkGezinsplanGoal)
* supportingInfo MS
* supportingInfo only Reference(GkConsent)
* supportingInfo ^short = "De toestemming van het gezin (Consent, gk-consent)"
* activity MS
* activity.detail 1..1 MS
* activity.detail.code 1..1 MS
* activity.detail.code ^short = "Het programma (support-programme) of gezinsplan-activity#evaluatie / #steun"
* activity.detail.status MS
* activity.detail.scheduled[x] MS
* activity.outcomeCodeableConcept MS
* activity.progress MS
* insert PointsAtMaternalRecord(1..1)

Profile: GkProgrammeEnrolment
Parent: EpisodeOfCare
Id: gk-programme-enrolment
Title: "GK Inschrijving in een programma"
Description: """
A family's enrolment in a support programme, created by the operation `$inschrijven` after
eligibility and capacity were checked. type = episode-type#programma-inschrijving plus the
programme's code; patient = the mother; period = when the support runs.
Not derived from nl-core-EpisodeOfCare: an enrolment in a support programme is not an episode of care of a health provider.
"""
* status MS
* type 2..* MS
* type ^slicing.discriminator.type = #pattern
* type ^slicing.discriminator.path = "$this"
* type ^slicing.rules = #open
* type contains enrolment 1..1 MS
* type[enrolment] = https://fhir.geboorteketen.nl/CodeSystem/episode-type#programma-inschrijving
* patient only Reference(GkPatient)
* period MS
* period.start 1..1
* managingOrganization MS
* managingOrganization only Reference(GkOrganization)
* careManager only Reference(GkPractitionerRole or GkPractitioner)
