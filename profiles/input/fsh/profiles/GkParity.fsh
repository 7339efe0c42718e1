Profile: GkParity
Parent: $nlParity
Id: gk-parity
Title: "GK Parity (pariteit)"
Description: """
Parity (pariteit): the number of earlier births after at least 16 weeks (Dutch PWD definition),
SNOMED CT 364325004, a non-negative integer. Also read by the kraamzorg indication (first child or
not).
Derives from nl-core-Pregnancy.Parity (the code is fixed there).
"""
* insert PregnancyMember
* value[x] 1..1 MS
* value[x] only integer
* value[x] obeys gk-parity-1

Invariant: gk-parity-1
Description: "Pariteit is een geheel getal van 0 of meer (parity must be 0 or more)"
Severity: #error
Expression: "$this >= 0"
