Profile: GkLipFactor
Parent: Observation
Id: gk-lip-factor
Title: "GK LIP-factor"
Description: """
One more- or fewer-factor of the LIP recorded for a pregnancy (e.g. meerling, communicatiebarrière,
ziekenhuisopname). Where the factor has a size it is the value: hospital days or lying-in days in a
birth centre (d), or the hours the client wishes (h) for 'wil-minder-zorg'. The instance-level
$lip-indicatie reads these from the maternal record.
Not derived from nl-core: a LIP more- or fewer-factor is a concept of the LIP, not of any zib.
"""
* insert PointsAtMaternalRecord(1..1)
* status MS
* code 1..1 MS
* code from LipFactorVS (required)
* subject 1..1 MS
* subject only Reference(GkPatient)
* effective[x] MS
* insert RecordedByProfessional
* value[x] MS
* value[x] only Quantity
* valueQuantity.system = $ucum
* valueQuantity.code from LipFactorUnitsVS (required)
* valueQuantity.value ^minValueDecimal = 0

ValueSet: LipFactorUnitsVS
Id: lip-factor-units
Title: "Eenheden van LIP-factoren"
Description: "Days (hospital / lying-in days) or hours (the client's wish)."
* $ucum#d "dag"
* $ucum#h "uur"
