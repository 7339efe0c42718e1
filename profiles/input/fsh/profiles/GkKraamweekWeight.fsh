Profile: GkKraamweekWeight
Parent: $nlBodyWeight
Id: gk-kraamweek-weight
Title: "GK Kraamweek weight (gewicht kind)"
Description: """
The child's weight on a care day of the kraamweek, in grams; with the birth weight it gives the
weight course handed over to JGZ.
Derives from nl-core-BodyWeight (LOINC 29463-7, category vital-signs); 2016 handover set
kraamzorg → JGZ ("Gewichtsverloop").
"""
* insert ChildObservation
* value[x] 1..1 MS
* value[x] only Quantity
* valueQuantity.system = $ucum
* valueQuantity.code = #g

* obeys gk-weight-1

Invariant: gk-weight-1
Description: "Gewicht in gram, groter dan 0 (weight in grams, above 0)."
Severity: #error
Expression: "value.ofType(Quantity).value > 0"
