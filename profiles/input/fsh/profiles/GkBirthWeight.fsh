Profile: GkBirthWeight
Parent: Observation
Id: gk-birth-weight
Title: "GK Birth weight (geboortegewicht)"
Description: """
The birth weight of the child (geboortegewicht), LOINC 8339-4, in grams (UCUM g), greater than 0.
Follows: zib2020 BodyWeight (nl-core-BodyWeight) for the child; PWD 3.2 "Geboortegewicht";
2016 handover set kraamzorg → JGZ.
"""
* code = $loinc#8339-4
* code ^short = "Geboortegewicht (birth weight)"
* insert ChildObservation
* value[x] 1..1 MS
* value[x] only Quantity
* valueQuantity.value 1..1 MS
* valueQuantity.system 1..1 MS
* valueQuantity.system = "http://unitsofmeasure.org"
* valueQuantity.code 1..1 MS
* valueQuantity.code = #g
* valueQuantity.unit MS
* valueQuantity obeys gk-birth-weight-1

Invariant: gk-birth-weight-1
Description: "Geboortegewicht moet groter dan 0 gram zijn (birth weight must be more than 0 g)"
Severity: #error
Expression: "value > 0"
