Profile: GkGravidity
Parent: $nlGravidity
Id: gk-gravidity
Title: "GK Gravidity (graviditeit)"
Description: """
Gravidity (graviditeit): the number of pregnancies including the current one, SNOMED CT
161732006, a non-negative integer.
Derives from nl-core-Pregnancy.Gravidity (the code is fixed there).
"""
* insert PregnancyMember
* value[x] 1..1 MS
* value[x] only integer
* value[x] obeys gk-gravidity-1

Invariant: gk-gravidity-1
Description: "Graviditeit is een geheel getal van 0 of meer (gravidity must be 0 or more)"
Severity: #error
Expression: "$this >= 0"
