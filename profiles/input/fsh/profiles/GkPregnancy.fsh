Profile: GkPregnancy
Parent: $nlPregnancy
Id: gk-pregnancy
Title: "GK Pregnancy"
Description: """
The pregnancy (zwangerschap) of one woman, as an Observation with SNOMED CT 118185001 and the
dating and obstetric history as members: estimated date of delivery, gestational age, gravidity,
parity, last menstrual period and (if known) conception date. Belongs to one maternal record.
The server computes the pregnancy key of that maternal record from these members. The link to the
maternal record (ext-maternal-record) is optional, because nl-core pregnancies do not carry it;
without it there is no pregnancy key and the pregnancy is in no handover.
Derives from nl-core-Pregnancy (code SNOMED 118185001 from there); PWD 3.2 zwangerschap.
"""
* code ^short = "Zwangerschap (pregnancy)"
* status MS
* subject 1..1 MS
* subject only Reference(GkPatient)
* subject ^short = "De zwangere (the pregnant woman)"
* effective[x] MS
* performer MS
* insert RecordedByProfessional
* hasMember MS
* hasMember[estimatedDateOfDelivery] only Reference(GkEdd)
* hasMember[pregnancyDuration] only Reference(GkGestationalAge)
* hasMember[gravidity] only Reference(GkGravidity)
* hasMember[parity] only Reference(GkParity)
* hasMember[dateLastMenstruation] only Reference(GkLmp)
* hasMember ^short = "A terme datum, zwangerschapsduur, graviditeit, pariteit, laatste menstruatie, conceptiedatum"
* insert PointsAtMaternalRecord(0..1)
