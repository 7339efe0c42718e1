Instance: borstvoedingsindicator
InstanceOf: OperationDefinition
Usage: #definition
Title: "$borstvoedingsindicator — breastfeeding success of a kraamzorg organisation"
Description: "Computes the breastfeeding-success indicator (domain brief §2, rule table Library/borstvoedingsindicator) for a kraamzorg organisation over a period."
* url = "https://fhir.geboorteketen.nl/OperationDefinition/borstvoedingsindicator"
* name = "Borstvoedingsindicator"
* title = "Borstvoedingsindicator kraamzorg"
* status = #active
* kind = #operation
* code = #borstvoedingsindicator
* resource = #Organization
* system = false
* type = false
* instance = true
* affectsState = false
* description = """
Denominator: children exclusively breastfed on their first care day (first feeding-type observation by this
organisation) whose first care day lies in the period; numerator: those of them still exclusively breastfed
on their last care day. Returns both, the percentage, the norm (85%) and every child counted.
"""
* parameter[0].name = #start
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #date
* parameter[=].documentation = "Eerste dag van de periode (JJJJ-MM-DD): kinderen van wie de eerste zorgdag in de periode ligt."
* parameter[+].name = #end
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #date
* parameter[=].documentation = "Laatste dag van de periode (JJJJ-MM-DD)."
* parameter[+].name = #numerator
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #integer
* parameter[+].name = #denominator
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #integer
* parameter[+].name = #percentage
* parameter[=].use = #out
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].type = #decimal
* parameter[+].name = #norm
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #decimal
* parameter[+].name = #meetsNorm
* parameter[=].use = #out
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].type = #boolean
* parameter[+].name = #child
* parameter[=].use = #out
* parameter[=].min = 0
* parameter[=].max = "*"
* parameter[=].documentation = "Per child counted: patient (Reference), firstCareDay, lastCareDay (date), inNumerator (boolean)."
* parameter[=].part[0].name = #patient
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #Reference
* parameter[=].part[+].name = #firstCareDay
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #date
* parameter[=].part[+].name = #lastCareDay
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #date
* parameter[=].part[+].name = #inNumerator
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #boolean
