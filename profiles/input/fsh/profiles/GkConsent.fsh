Profile: GkConsent
Parent: Consent
Id: gk-consent
Title: "GK Consent (toestemming van de familie)"
Description: """
The family's consent or refusal: sharing with the family's PGO (pgo-delen), with one chain partner
(partner-delen, the partner in provision.actor), digital kraamzorg instruction, the pilot
consultation, the JGZ prenatal home visit. status active = given (provision.type permit) or refused
(deny); inactive/rejected = withdrawn. The latest active Consent covering now decides.
Not derived from nl-core: zib2020 AdvanceDirective / TreatmentDirective2 are about treatment wishes, not about sharing data between chain partners.
"""
* status MS
* scope = $consentScope#patient-privacy
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category ^slicing.ordered = true
* category contains gk 1..1 MS
* category[gk] from GkConsentCategoryVS (required)
* category[gk].coding 1..1
* category[gk].coding.system 1..1
* category[gk].coding.system = $consentCategory
* patient 1..1 MS
* patient only Reference(GkPatient)
* dateTime 1..1 MS
* policyRule 1..1 MS
* policyRule ^short = "v3-ActCode OPTIN (given on request) or OPTOUT (refused); FHIR core ppc-1 needs a policy or policyRule"
* provision 1..1 MS
* provision.type 1..1 MS
* provision.period MS
* provision.actor MS
* provision.actor.role = $v3ParticipationType#IRCP
* provision.actor.reference only Reference(GkOrganization)
* performer only Reference(GkPatient or RelatedPerson)
* performer ^short = "Wie toestemming gaf of weigerde: de moeder of een gezinslid"
* organization only Reference(GkOrganization)
* obeys gk-consent-1

Invariant: gk-consent-1
Description: "Toestemming voor delen met een ketenpartner noemt die partner (partner-delen needs provision.actor)"
Severity: #error
Expression: "category.coding.where(code = 'partner-delen').exists() implies provision.actor.exists()"
