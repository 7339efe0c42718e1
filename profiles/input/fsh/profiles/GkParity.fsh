Profile: GkParity
Parent: Observation
Id: gk-parity
Title: "GK Parity (pariteit)"
Description: """
Parity (pariteit): the number of earlier births after at least 16 weeks (Dutch PWD definition),
SNOMED CT 364325004, a non-negative integer. Also read by the kraamzorg indication (first child or
not).
Follows: zib2020 Pregnancy.Parity, PWD 3.2 "Pariteit".
"""
* code = $sct#364325004
* insert PregnancyMember
* value[x] 1..1 MS
* value[x] only integer
* value[x] obeys gk-parity-1

Invariant: gk-parity-1
Description: "Pariteit is een geheel getal van 0 of meer (parity must be 0 or more)"
Severity: #error
Expression: "$this >= 0"
