// Common rules for an Observation that is a member (hasMember) of the pregnancy Observation:
// about the woman, dated, and (optionally, see PointsAtMaternalRecord) within one maternal record.
RuleSet: PregnancyMember
* status MS
* subject 1..1 MS
* subject only Reference(GkPatient)
* subject ^short = "De zwangere (the pregnant woman)"
* effective[x] MS
* insert RecordedByProfessional
* insert PointsAtMaternalRecord(0..1)
