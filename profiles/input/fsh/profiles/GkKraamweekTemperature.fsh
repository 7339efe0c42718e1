Profile: GkKraamweekTemperature
Parent: $nlBodyTemperature
Id: gk-kraamweek-temperature
Title: "GK Kraamweek temperature (temperatuur)"
Description: """
Body temperature of the mother or the child on a care day, in degrees Celsius.
Derives from nl-core-BodyTemperature (LOINC 8310-5, category vital-signs); kraamzorg care checks
(controles moeder en kind, LIP component).
"""
* status MS
* subject 1..1 MS
* subject only Reference(GkPatient)
* effective[x] 1..1 MS
* performer MS
* insert RecordedByProfessional
* insert PointsAtMaternalRecord(0..1)
* value[x] 1..1 MS
* value[x] only Quantity
* valueQuantity.system = $ucum
* valueQuantity.code = #Cel
* obeys gk-temperature-1

Invariant: gk-temperature-1
Description: "Temperatuur tussen 30 en 45 °C (a plausible body temperature)."
Severity: #error
Expression: "value.ofType(Quantity).value >= 30 and value.ofType(Quantity).value <= 45"
