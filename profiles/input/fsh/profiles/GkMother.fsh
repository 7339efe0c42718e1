Profile: GkMother
Parent: $nlContactPerson
Id: gk-mother
Title: "GK Mother (moeder van het kind)"
Description: """
Links a child to its mother. `patient` is the CHILD; `relationship` contains v3 RoleCode MTH
(mother); the extension ext-related-patient points at the mother's own Patient resource. This is
how the chain links child and mother (Patient.link means "the same person" and was rejected; see
docs/decisions.md). Find a mother's children with `RelatedPerson?related-patient=Patient/{mother}`.
Derives from nl-core-ContactPerson: the mother is the child's contact person with relationship MTH
(RelatieCodelijst); PWD 3.2 "Kind" relation.
"""
* extension contains ExtRelatedPatient named relatedPatient 1..1 MS
* extension[relatedPatient] ^short = "De Patient-resource van de moeder (the mother's Patient resource)"
* insert PointsAtMaternalRecord(0..1)
* patient MS
* patient only Reference(GkPatient)
* patient ^short = "Het kind (the child)"
* relationship 1..* MS
* relationship[relationship] 1..* MS
* relationship[relationship] ^short = "Ten minste MTH (moeder) uit de RelatieCodelijst (at least MTH, mother)"
// MTH as a required coding slice, not only the invariant: the server picks this profile by it, so a
// partner or other contact person (a RelatedPerson without MTH) is not held to be a mother link.
* relationship[relationship].coding ^slicing.discriminator.type = #value
* relationship[relationship].coding ^slicing.discriminator.path = "$this"
* relationship[relationship].coding ^slicing.rules = #open
* relationship[relationship].coding contains mother 1..1
* relationship[relationship].coding[mother] = $v3RoleCode#MTH
* obeys gk-mother-1
* name MS
* active MS

Invariant: gk-mother-1
Description: "De relatie bevat MTH, moeder (the relationship must contain v3 RoleCode MTH, mother)"
Severity: #error
Expression: "relationship.coding.where(system = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode' and code = 'MTH').exists()"
