Profile: GkLmp
Parent: $nlLmp
Id: gk-lmp
Title: "GK Last menstrual period (laatste menstruatie)"
Description: """
First day of the last menstrual period (laatste menstruatie, LMP), SNOMED CT 21840007, as a
dateTime. Input of the pregnancy key (LMP + 14 days) when the conception date is not known.
Derives from nl-core-Pregnancy.DateLastMenstruation (the code is fixed there).
"""
* insert PregnancyMember
* value[x] 1..1 MS
* value[x] only dateTime
