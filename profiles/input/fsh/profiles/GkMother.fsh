Profile: GkMother
Parent: RelatedPerson
Id: gk-mother
Title: "GK Mother (moeder van het kind)"
Description: """
Links a child to its mother. `patient` is the CHILD; `relationship` contains v3 RoleCode MTH
(mother); the extension ext-related-patient points at the mother's own Patient resource. This is
how the chain links child and mother (Patient.link means "the same person" and was rejected; see
docs/decisions.md). Find a mother's children with `RelatedPerson?related-patient=Patient/{mother}`.
Follows: zib2020 ContactPerson / nl-core-RelatedPerson habits; PWD 3.2 "Kind" relation.
"""
* extension contains ExtRelatedPatient named relatedPatient 1..1 MS
* extension[relatedPatient] ^short = "De Patient-resource van de moeder (the mother's Patient resource)"
* extension[relatedPatient].valueReference only Reference(GkPatient)
* insert PointsAtMaternalRecord(0..1)
* patient MS
* patient only Reference(GkPatient)
* patient ^short = "Het kind (the child)"
* relationship 1..* MS
* relationship ^slicing.discriminator.type = #pattern
* relationship ^slicing.discriminator.path = "$this"
* relationship ^slicing.rules = #open
* relationship ^slicing.description = "Ten minste de relatie moeder (at least the relation mother)"
* relationship contains mother 1..1 MS
* relationship[mother] = $v3RoleCode#MTH
* name MS
* active MS
