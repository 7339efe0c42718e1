// The Jansen family's care organisations: the golden triangle midwife – kraamzorg – JGZ.

Instance: family-jansen-verloskundigenpraktijk
InstanceOf: GkOrganization
Usage: #example
Title: "Verloskundigenpraktijk De Wieg"
Description: "The midwifery practice (G3) that follows Anna Jansen's pregnancy."
* identifier[ura].system = "http://fhir.nl/fhir/NamingSystem/ura"
* identifier[ura].value = "00001234"
* identifier[agb].system = "http://fhir.nl/fhir/NamingSystem/agb-z"
* identifier[agb].value = "03051234"
* active = true
* type = $orgtype#G3 "Verloskundigenpraktijk"
* name = "Verloskundigenpraktijk De Wieg"
* telecom.system = #phone
* telecom.value = "030-1234567"
* address.line = "Wiegstraat 1"
* address.city = "Utrecht"
* address.postalCode = "3511 AA"
* address.country = "NL"

Instance: family-jansen-kraamzorg
InstanceOf: GkOrganization
Usage: #example
Title: "Kraamzorg De Ooievaar"
Description: "The maternity home care organisation (K4) that gives kraamzorg to the Jansen family."
* identifier[ura].system = "http://fhir.nl/fhir/NamingSystem/ura"
* identifier[ura].value = "00005678"
* identifier[agb].system = "http://fhir.nl/fhir/NamingSystem/agb-z"
* identifier[agb].value = "33005678"
* active = true
* type = $orgtype#K4 "Kraamzorg"
* name = "Kraamzorg De Ooievaar"
* address.city = "Utrecht"
* address.country = "NL"

Instance: family-jansen-jgz
InstanceOf: GkOrganization
Usage: #example
Title: "JGZ Utrecht"
Description: "The youth health care organisation (JGZ) that makes the prenatal home visit and takes over after the kraamweek."
* identifier[ura].system = "http://fhir.nl/fhir/NamingSystem/ura"
* identifier[ura].value = "00009012"
* active = true
* type = $orgtype#JGZ "Jeugdgezondheidszorg"
* name = "JGZ Utrecht"
* address.city = "Utrecht"
* address.country = "NL"
