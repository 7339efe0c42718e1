// Anna Jansen, pregnant with her first child.
// BSN 999911120: 9*9+9*8+9*7+9*6+1*5+1*4+1*3+2*2-0*1 = 286 = 26*11 (passes the 11-proof).

Instance: family-jansen-anna
InstanceOf: GkPatient
Usage: #example
Title: "Anna Jansen"
Description: "The mother: pregnant with her first child (gravida 1, para 0)."
* identifier[bsn].system = "http://fhir.nl/fhir/NamingSystem/bsn"
* identifier[bsn].value = "999911120"
* active = true
* name.use = #official
* name.family = "Jansen"
* name.given = "Anna"
* name.given.extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier"
* name.given.extension[0].valueCode = #BR
* gender = #female
* birthDate = "1992-03-14"
* telecom.system = #phone
* telecom.value = "06-12345678"
* telecom.use = #mobile
* address.use = #home
* address.line = "Lindenlaan 12"
* address.city = "Utrecht"
* address.postalCode = "3521 BC"
* address.country = "NL"
