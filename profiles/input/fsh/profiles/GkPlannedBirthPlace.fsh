Profile: GkPlannedBirthPlace
Parent: Observation
Id: gk-planned-birth-place
Title: "GK Planned place of birth (geplande bevalplaats)"
Description: """
Where the birth is planned: thuis, geboortecentrum, ziekenhuis (poliklinisch) or ziekenhuis
(klinisch); about the mother. Follows: PWD 3.2 "Voorkeursplaats baring".
Not derived from nl-core: zib2020 Pregnancy has no planned place of birth.
"""
* code = $gkObservationCode#planned-birth-place
* status MS
* subject 1..1 MS
* subject only Reference(GkPatient)
* insert RecordedByProfessional
* insert PointsAtMaternalRecord(1..1)
* value[x] 1..1 MS
* value[x] only CodeableConcept
* valueCodeableConcept.text 1..1
