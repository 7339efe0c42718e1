Extension: ExtMaternalRecord
Id: ext-maternal-record
Title: "Maternal record (zwangerschapsdossier)"
Description: """
Points from a record of one pregnancy to the maternal record (EpisodeOfCare, profile
gk-maternal-record) it belongs to. R4 has no `episodeOfCare` element on Observation, Procedure
and most other resources, so every partner in the birth-care chain (midwife, kraamzorg, JGZ)
links its records to the shared zwangerschapsdossier with this extension. Searchable with the
search parameter `maternal-record`. In the MedMij IZK view (STU3) it is the `context` element.
Source: zib2020 Zwangerschap (pregnancy) context; Nictiz PWD 3.2 "zwangerschapsdossier".
"""
Context: Observation, Procedure, ServiceRequest, CarePlan, Task, Composition, Consent, RelatedPerson, Goal, Provenance, Condition, DiagnosticReport, CareTeam
* value[x] 1..1
* value[x] only Reference(GkMaternalRecord)
* valueReference ^short = "Het zwangerschapsdossier (the maternal record, EpisodeOfCare)"
