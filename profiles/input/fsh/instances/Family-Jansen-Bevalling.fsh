// The birth of Daan: a home birth with the midwife, kraamverzorgende assisting (partusassistentie).

Instance: family-jansen-delivery
InstanceOf: GkDelivery
Usage: #example
Title: "Anna's delivery"
Description: "Spontaneous home birth of Daan on 5 March 2026 at 39 weeks and 4 days."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #completed
* code = $sct#236973005 "Delivery procedure"
* subject = Reference(family-jansen-anna)
* performedDateTime = "2026-03-05T04:12:00+01:00"
* performer[0].actor = Reference(family-jansen-verloskundige-rol)
* performer[+].actor = Reference(family-jansen-kraamverzorgende-rol)
