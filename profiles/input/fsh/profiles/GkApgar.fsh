Profile: GkApgar
Parent: Observation
Id: gk-apgar
Title: "GK Apgar score"
Description: """
The Apgar score of the child at 1, 5 or 10 minutes (LOINC 9272-6, 9274-2, 9271-8), an integer
from 0 to 10.
Follows: zib2020 ApgarScore (nl-core-ApgarScore: total score only), PWD 3.2 "Apgarscore".
"""
* code from GkApgarCodesVS (required)
* code ^short = "Apgarscore na 1, 5 of 10 minuten (Apgar score at 1, 5 or 10 minutes)"
* insert ChildObservation
* value[x] 1..1 MS
* value[x] only integer
* value[x] obeys gk-apgar-1

Invariant: gk-apgar-1
Description: "Apgarscore ligt tussen 0 en 10 (Apgar score must be from 0 to 10)"
Severity: #error
Expression: "$this >= 0 and $this <= 10"
