Extension: ExtRelatedPatient
Id: ext-related-patient
Title: "Related patient"
Description: """
On a RelatedPerson: the Patient resource of the related person herself. Used by gk-mother to
link a child (RelatedPerson.patient) to the mother's own Patient record, so that both are
patients with their own record and the relation stays searchable (`related-patient`).
Source: the R5 `RelatedPerson`/`Patient.link` discussions; our decision, see docs/decisions.md.
"""
Context: RelatedPerson
* value[x] 1..1
* value[x] only Reference(GkPatient)
* valueReference ^short = "De Patient-resource van de verwante (the related person's Patient resource)"
