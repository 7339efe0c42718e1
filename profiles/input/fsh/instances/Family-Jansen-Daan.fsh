// Daan Jansen, born 5 March 2026, and his link to his mother Anna.
// BSN 999911132: 9*9+9*8+9*7+9*6+1*5+1*4+1*3+3*2-2*1 = 286 = 26*11 (passes the 11-proof).

Instance: family-jansen-daan
InstanceOf: GkPatient
Usage: #example
Title: "Daan Jansen"
Description: "The child, born at home on 5 March 2026."
* identifier[bsn].system = "http://fhir.nl/fhir/NamingSystem/bsn"
* identifier[bsn].value = "999911132"
* active = true
* name.use = #official
* name.family = "Jansen"
* name.given = "Daan"
* name.given.extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier"
* name.given.extension[0].valueCode = #BR
* gender = #male
* birthDate = "2026-03-05"
* address.use = #home
* address.line = "Lindenlaan 12"
* address.city = "Utrecht"
* address.postalCode = "3521 BC"
* address.country = "NL"

Instance: family-jansen-daan-moeder
InstanceOf: GkMother
Usage: #example
Title: "Anna Jansen is Daan's mother"
Description: "Links the child Daan (patient) to his mother Anna (ext-related-patient)."
* extension[relatedPatient].valueReference = Reference(family-jansen-anna)
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* active = true
* patient = Reference(family-jansen-daan)
* relationship[relationship] = $v3RoleCode#MTH "mother"
* name.use = #official
* name.family = "Jansen"
* name.given = "Anna"
* name.given.extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier"
* name.given.extension[0].valueCode = #BR
* gender = #female
* birthDate = "1992-03-14"
