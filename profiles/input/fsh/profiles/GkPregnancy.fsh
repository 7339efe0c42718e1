Profile: GkPregnancy
Parent: Observation
Id: gk-pregnancy
Title: "GK Pregnancy"
Description: """
The pregnancy (zwangerschap) of one woman, as an Observation with SNOMED CT 118185001 and the
dating and obstetric history as members: estimated date of delivery, gestational age, gravidity,
parity, last menstrual period and (if known) conception date. Belongs to one maternal record.
The server computes the pregnancy key of that maternal record from these members.
Follows: zib2020 Pregnancy (nl-core-Pregnancy 2020), PWD 3.2 zwangerschap.
"""
* code = $sct#118185001
* code ^short = "Zwangerschap (pregnancy)"
* status MS
* subject 1..1 MS
* subject only Reference(GkPatient)
* subject ^short = "De zwangere (the pregnant woman)"
* effective[x] MS
* performer MS
* hasMember MS
* hasMember only Reference(GkEdd or GkGestationalAge or GkGravidity or GkParity or GkLmp or GkConceptionDate)
* hasMember ^short = "A terme datum, zwangerschapsduur, graviditeit, pariteit, laatste menstruatie, conceptiedatum"
* insert PointsAtMaternalRecord(1..1)
