Profile: GkBirthWeight
Parent: $nlBodyWeight
Id: gk-birth-weight
Title: "GK Birth weight (geboortegewicht)"
Description: """
The birth weight of the child (geboortegewicht), in grams (UCUM g), greater than 0.
Derives from nl-core-BodyWeight: `code` holds nl-core's LOINC 29463-7 (body weight) and, beside it,
LOINC 8339-4 (birth weight measured), which tells a birth weight from a later weighing; category
vital-signs. PWD 3.2 "Geboortegewicht"; 2016 handover set kraamzorg → JGZ.
"""
* code.coding ^slicing.discriminator.type = #pattern
* code.coding ^slicing.discriminator.path = "$this"
* code.coding ^slicing.rules = #open
* code.coding contains birthWeight 1..1 MS
* code.coding[birthWeight] = $loinc#8339-4
* code.coding[birthWeight] ^short = "Geboortegewicht (birth weight)"
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
