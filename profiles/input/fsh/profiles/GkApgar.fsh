// The Apgar score at 1, 5 and 10 minutes: one profile each, as nl-core has them.
RuleSet: ApgarScore
* insert ChildObservation
* value[x] 1..1 MS
* value[x] only integer
* value[x] obeys gk-apgar-1

Profile: GkApgar1Minute
Parent: $nlApgar1
Id: gk-apgar-1-minute
Title: "GK Apgar score at 1 minute"
Description: """
The Apgar score of the child one minute after birth (LOINC 9272-6), an integer from 0 to 10.
Derives from nl-core-ApgarScore-1Minute (total score; the five part scores optional, as there).
PWD 3.2 "Apgarscore".
"""
* insert ApgarScore

Profile: GkApgar5Minute
Parent: $nlApgar5
Id: gk-apgar-5-minute
Title: "GK Apgar score at 5 minutes"
Description: """
The Apgar score of the child five minutes after birth (LOINC 9274-2), an integer from 0 to 10.
Derives from nl-core-ApgarScore-5Minute. PWD 3.2 "Apgarscore".
"""
* insert ApgarScore

Profile: GkApgar10Minute
Parent: $nlApgar10
Id: gk-apgar-10-minute
Title: "GK Apgar score at 10 minutes"
Description: """
The Apgar score of the child ten minutes after birth (LOINC 9271-8), an integer from 0 to 10.
Derives from nl-core-ApgarScore-10Minute. PWD 3.2 "Apgarscore".
"""
* insert ApgarScore

Invariant: gk-apgar-1
Description: "Apgarscore ligt tussen 0 en 10 (Apgar score must be from 0 to 10)"
Severity: #error
Expression: "$this >= 0 and $this <= 10"
