Profile: GkConceptionDate
Parent: Observation
Id: gk-conception-date
Title: "GK Conception date (conceptiedatum)"
Description: """
A known date of conception (e.g. after IVF), local code `conception-date`, as a dateTime. When
present it is the first input of the pregnancy key.
Derives from Observation, not nl-core: zib2020 Pregnancy has no conception date member.
PWD 3.2 "Conceptiedatum"; Nictiz pregnancy key rule.
"""
* code = $gkObservationCode#conception-date
* insert PregnancyMember
* value[x] 1..1 MS
* value[x] only dateTime
