// Daan's first observations: birth weight, Apgar scores, and how he is fed in the kraamweek.

Instance: family-jansen-daan-birth-weight
InstanceOf: GkBirthWeight
Usage: #example
Title: "Daan's birth weight"
Description: "3450 g."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* category[VSCat] = $obsCategory#vital-signs "Vital Signs"
* code = $loinc#29463-7 "Body weight"
* code.coding[birthWeight] = $loinc#8339-4 "Birth weight Measured"
* subject = Reference(family-jansen-daan)
* effectiveDateTime = "2026-03-05T04:40:00+01:00"
* performer = Reference(family-jansen-verloskundige-rol)
* valueQuantity = 3450 'g' "g"

Instance: family-jansen-daan-apgar-1
InstanceOf: GkApgar1Minute
Usage: #example
Title: "Daan's Apgar score at 1 minute"
Description: "Apgar 8 at 1 minute."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* code = $loinc#9272-6 "1 minute Apgar Score"
* subject = Reference(family-jansen-daan)
* effectiveDateTime = "2026-03-05T04:13:00+01:00"
* performer = Reference(family-jansen-verloskundige-rol)
* valueInteger = 8

Instance: family-jansen-daan-apgar-5
InstanceOf: GkApgar5Minute
Usage: #example
Title: "Daan's Apgar score at 5 minutes"
Description: "Apgar 10 at 5 minutes."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* code = $loinc#9274-2 "5 minute Apgar Score"
* subject = Reference(family-jansen-daan)
* effectiveDateTime = "2026-03-05T04:17:00+01:00"
* performer = Reference(family-jansen-verloskundige-rol)
* valueInteger = 10

Instance: family-jansen-daan-feeding-type
InstanceOf: GkFeedingType
Usage: #example
Title: "Daan is breastfed"
Description: "Exclusively breast milk on day 3 of the kraamweek."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* code = $sct#289145007 "Feeding pattern of infant"
* subject = Reference(family-jansen-daan)
* effectiveDateTime = "2026-03-08T10:00:00+01:00"
* performer = Reference(family-jansen-kraamverzorgende-rol)
* component[feedingType].code = $sct#109021000146107 "Feeding type"
* component[feedingType].valueCodeableConcept = $sct#226789007 "Breast milk"
