// Common rules for an Observation about the newborn child, recorded at or after birth.
RuleSet: ChildObservation
* status MS
* subject 1..1 MS
* subject only Reference(GkPatient)
* subject ^short = "Het kind (the child)"
* effective[x] 1..1 MS
* performer MS
* insert RecordedByProfessional
* insert PointsAtMaternalRecord(0..1)
