// The professionals around the Jansen family and their roles.

Instance: family-jansen-verloskundige
InstanceOf: GkPractitioner
Usage: #example
Title: "Sanne de Vries, verloskundige"
Description: "Anna Jansen's midwife."
* identifier[agb].system = "http://fhir.nl/fhir/NamingSystem/agb-z"
* identifier[agb].value = "03012345"
* identifier[big].system = "http://fhir.nl/fhir/NamingSystem/big"
* identifier[big].value = "19012345601"
* active = true
* name.use = #official
* name.family = "de Vries"
* name.given = "Sanne"
* name.given.extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier"
* name.given.extension[0].valueCode = #BR

Instance: family-jansen-verloskundige-rol
InstanceOf: GkPractitionerRole
Usage: #example
Title: "Sanne de Vries as verloskundige at De Wieg"
Description: "The midwife's role at the midwifery practice."
* active = true
* practitioner = Reference(family-jansen-verloskundige)
* organization = Reference(family-jansen-verloskundigenpraktijk)
* code = $gkPractitionerRole#verloskundige "Verloskundige"

Instance: family-jansen-kraamverzorgende
InstanceOf: GkPractitioner
Usage: #example
Title: "Fatima el Amrani, kraamverzorgende"
Description: "The kraamverzorgende who cares for Anna and Daan in the kraamweek."
* identifier[agb].system = "http://fhir.nl/fhir/NamingSystem/agb-z"
* identifier[agb].value = "33056789"
* active = true
* name.use = #official
* name.family = "el Amrani"
* name.given = "Fatima"
* name.given.extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier"
* name.given.extension[0].valueCode = #BR

Instance: family-jansen-kraamverzorgende-rol
InstanceOf: GkPractitionerRole
Usage: #example
Title: "Fatima el Amrani as kraamverzorgende at De Ooievaar"
Description: "The kraamverzorgende's role at the kraamzorg organisation."
* active = true
* practitioner = Reference(family-jansen-kraamverzorgende)
* organization = Reference(family-jansen-kraamzorg)
* code = $gkPractitionerRole#kraamverzorgende "Kraamverzorgende"

Instance: family-jansen-jeugdverpleegkundige
InstanceOf: GkPractitioner
Usage: #example
Title: "Petra Bakker, jeugdverpleegkundige"
Description: "The JGZ nurse who makes the prenatal home visit and takes over after the kraamweek."
* identifier[big].system = "http://fhir.nl/fhir/NamingSystem/big"
* identifier[big].value = "29098765430"
* active = true
* name.use = #official
* name.family = "Bakker"
* name.given = "Petra"
* name.given.extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier"
* name.given.extension[0].valueCode = #BR

Instance: family-jansen-jeugdverpleegkundige-rol
InstanceOf: GkPractitionerRole
Usage: #example
Title: "Petra Bakker as jeugdverpleegkundige at JGZ Utrecht"
Description: "The JGZ nurse's role at the youth health care organisation."
* active = true
* practitioner = Reference(family-jansen-jeugdverpleegkundige)
* organization = Reference(family-jansen-jgz)
* code = $gkPractitionerRole#jeugdverpleegkundige "Jeugdverpleegkundige"
