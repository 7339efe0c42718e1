RuleSet: LipInputs
* parameter[+]
  * name = #eersteKind
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "Eerste kind (true) of volgend kind. Instance: gelezen uit de pariteit."
  * type = #boolean
* parameter[+]
  * name = #voeding
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "borstvoeding | kunstvoeding. Instance: gelezen uit de (voorgenomen) voeding."
  * type = #code
  * binding.strength = #required
  * binding.valueSet = "https://fhir.geboorteketen.nl/ValueSet/lip-feeding"
* parameter[+]
  * name = #moment
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "intake | kraambed | herindicatie (CodeSystem lip-moment). Standaard: intake."
  * type = #code
  * binding.strength = #required
  * binding.valueSet = "https://fhir.geboorteketen.nl/ValueSet/lip-moment"
* parameter[+]
  * name = #meerfactor
  * use = #in
  * min = 0
  * max = "*"
  * documentation = "Een meerfactor van het LIP (CodeSystem lip-factor)."
  * type = #code
  * binding.strength = #required
  * binding.valueSet = "https://fhir.geboorteketen.nl/ValueSet/lip-factor"
* parameter[+]
  * name = #minderfactor
  * use = #in
  * min = 0
  * max = "*"
  * documentation = "Een minderfactor van het LIP (CodeSystem lip-factor)."
  * type = #code
  * binding.strength = #required
  * binding.valueSet = "https://fhir.geboorteketen.nl/ValueSet/lip-factor"
* parameter[+]
  * name = #ziekenhuisdagen
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "Kalenderdagen ziekenhuisopname van moeder of kind, opname tot en met ontslag."
  * type = #integer
* parameter[+]
  * name = #ligdagenGeboortecentrum
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "Kalenderdagen in een geboortecentrum, opname tot en met ontslag."
  * type = #integer
* parameter[+]
  * name = #gewensteUren
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "Het aantal uren dat de kraamvrouw wil als zij minder zorg wil (minderfactor wil-minder-zorg)."
  * type = #decimal
* parameter[+]
  * name = #uren
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "Uren die de professional vaststelt in plaats van het voorstel (24 tot 80); vraagt redenAfwijking."
  * type = #decimal
* parameter[+]
  * name = #redenAfwijking
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "Waarom de professional afwijkt van het voorstel."
  * type = #string
* parameter[+]
  * name = #thuisintakeGeindiceerd
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "Bij een volgend kind: een thuisintake is geindiceerd."
  * type = #boolean
* parameter[+]
  * name = #digitaleInstructieBezwaar
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "De client heeft schriftelijk bezwaar gemaakt tegen digitale instructie. Instance: ook gelezen uit Consent."
  * type = #boolean
* parameter[+]
  * name = #digitaleInstructieUren
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "Fysieke uren instructie die digitale instructie vervangt."
  * type = #decimal
* parameter[+]
  * name = #persist
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "true: sla de indicatie op (ServiceRequest gk-kraamzorg-indication); een eerdere geldende indicatie wordt vervangen."
  * type = #boolean
* parameter[+]
  * name = #client
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "De kraamvrouw (Patient); standaard de patient van het dossier."
  * type = #Reference
  * targetProfile[+] = "http://hl7.org/fhir/StructureDefinition/Patient"
* parameter[+]
  * name = #aanvrager
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "De indicerende verloskundige (PractitionerRole of Organization); nodig bij persist=true."
  * type = #Reference
  * targetProfile[+] = "http://hl7.org/fhir/StructureDefinition/PractitionerRole"
  * targetProfile[+] = "http://hl7.org/fhir/StructureDefinition/Organization"
* parameter[+]
  * name = #uitvoerder
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "De kraamzorgorganisatie (Organization)."
  * type = #Reference
  * targetProfile[+] = "http://hl7.org/fhir/StructureDefinition/Organization"
* parameter[+]
  * name = #partusassistentie
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "Partusassistentie bij een thuisbevalling."
  * type = #boolean
* parameter[+]
  * name = #handtekeningVerloskundige
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "Handtekening van de verloskundige; verplicht bij een herindicatie die wordt opgeslagen."
  * type = #Signature
* parameter[+]
  * name = #handtekeningClient
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "Handtekening van de client; verplicht bij een herindicatie die wordt opgeslagen."
  * type = #Signature

RuleSet: LipOutputs
* parameter[+]
  * name = #pakket
  * use = #out
  * min = 1
  * max = "1"
  * documentation = "Het pakket: basis | minimum | op-maat (CodeSystem lip-package)."
  * type = #Coding
* parameter[+]
  * name = #pakketNaam
  * use = #out
  * min = 1
  * max = "1"
  * documentation = "De naam van het pakket."
  * type = #string
* parameter[+]
  * name = #totaalUren
  * use = #out
  * min = 1
  * max = "1"
  * documentation = "Het totaal aantal geindiceerde uren."
  * type = #decimal
* parameter[+]
  * name = #zorgdagen
  * use = #out
  * min = 1
  * max = "1"
  * documentation = "Het aantal zorgdagen."
  * type = #integer
* parameter[+]
  * name = #component
  * use = #out
  * min = 1
  * max = "*"
  * documentation = "Een regel van de urenopbouw."
  * part[+]
    * name = #code
    * use = #out
    * min = 1
    * max = "1"
    * documentation = "Code van de component."
    * type = #string
  * part[+]
    * name = #naam
    * use = #out
    * min = 1
    * max = "1"
    * documentation = "Naam."
    * type = #string
  * part[+]
    * name = #uren
    * use = #out
    * min = 1
    * max = "1"
    * documentation = "Uren (negatief bij een aftrek)."
    * type = #decimal
* parameter[+]
  * name = #dag
  * use = #out
  * min = 0
  * max = "*"
  * documentation = "Uren per zorgdag."
  * part[+]
    * name = #dag
    * use = #out
    * min = 1
    * max = "1"
    * documentation = "Zorgdag (1 = eerste)."
    * type = #integer
  * part[+]
    * name = #uren
    * use = #out
    * min = 1
    * max = "1"
    * documentation = "Uren op die dag."
    * type = #decimal
* parameter[+]
  * name = #regel
  * use = #out
  * min = 1
  * max = "*"
  * documentation = "Een regel van de regeltabel die is toegepast."
  * part[+]
    * name = #code
    * use = #out
    * min = 1
    * max = "1"
    * documentation = "Code van de regel."
    * type = #string
  * part[+]
    * name = #uitleg
    * use = #out
    * min = 1
    * max = "1"
    * documentation = "Uitleg in het Nederlands."
    * type = #string
* parameter[+]
  * name = #waarschuwing
  * use = #out
  * min = 0
  * max = "*"
  * documentation = "Waarschuwing voor de professional, bv. dat uren op maat bevestigd moeten worden."
  * type = #string
* parameter[+]
  * name = #intake
  * use = #out
  * min = 1
  * max = "1"
  * documentation = "thuisintake | telefonische-intake."
  * type = #code
* parameter[+]
  * name = #digitaleInstructie
  * use = #out
  * min = 1
  * max = "1"
  * documentation = "Digitale instructie."
  * part[+]
    * name = #actief
    * use = #out
    * min = 1
    * max = "1"
    * documentation = "Actief (geen bezwaar)."
    * type = #boolean
  * part[+]
    * name = #vervangenUren
    * use = #out
    * min = 1
    * max = "1"
    * documentation = "Fysieke uren vervangen door digitale instructie."
    * type = #decimal
  * part[+]
    * name = #fysiekeUren
    * use = #out
    * min = 1
    * max = "1"
    * documentation = "Resterende fysieke uren."
    * type = #decimal
  * part[+]
    * name = #uitleg
    * use = #out
    * min = 1
    * max = "1"
    * documentation = "Uitleg."
    * type = #string
* parameter[+]
  * name = #regeltabel
  * use = #out
  * min = 1
  * max = "1"
  * documentation = "De gebruikte regeltabel (url|versie)."
  * type = #canonical
* parameter[+]
  * name = #gebruikteGegevens
  * use = #out
  * min = 0
  * max = "*"
  * documentation = "Instance: welke opgeslagen gegevens zijn gebruikt."
  * type = #string
* parameter[+]
  * name = #indicatie
  * use = #out
  * min = 0
  * max = "1"
  * documentation = "De opgeslagen indicatie (bij persist=true)."
  * type = #ServiceRequest
* parameter[+]
  * name = #provenance
  * use = #out
  * min = 0
  * max = "1"
  * documentation = "De ondertekening van een herindicatie."
  * type = #Provenance

Instance: lip-indicatie
InstanceOf: OperationDefinition
Usage: #definition
Title: "LIP-indicatie"
* url = "https://fhir.geboorteketen.nl/OperationDefinition/lip-indicatie"
* name = "LipIndicatie"
* title = "LIP-indicatie"
* status = #active
* kind = #operation
* code = #lip-indicatie
* description = """Berekent de kraamzorgindicatie volgens het Landelijk Indicatieprotocol (LIP) met de geldende regeltabel (Library https://fhir.geboorteketen.nl/Library/lip), met expliciete invoer (type-niveau op ServiceRequest). Op het zwangerschapsdossier zelf: EpisodeOfCare/{id}/$lip-indicatie (OperationDefinition lip-indicatie-dossier). persist=true slaat de indicatie op en vervangt een eerdere. Ontbrekende of onbekende invoer: 400 met alles wat ontbreekt; tegenstrijdige invoer of uren buiten 24-80: 422."""
* system = false
* type = true
* instance = false
* affectsState = true
* resource[+] = #ServiceRequest
* parameter[+]
  * name = #zwangerschapsdossier
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "Het zwangerschapsdossier (EpisodeOfCare); op type-niveau nodig bij persist=true."
  * type = #Reference
  * targetProfile[+] = "https://fhir.geboorteketen.nl/StructureDefinition/gk-maternal-record"
* insert LipInputs
* insert LipOutputs

Instance: lip-indicatie-dossier
InstanceOf: OperationDefinition
Usage: #definition
Title: "LIP-indicatie op het zwangerschapsdossier"
* url = "https://fhir.geboorteketen.nl/OperationDefinition/lip-indicatie-dossier"
* name = "LipIndicatieDossier"
* title = "LIP-indicatie op het zwangerschapsdossier"
* status = #active
* kind = #operation
* code = #lip-indicatie
* description = """Berekent de kraamzorgindicatie volgens het LIP voor dit zwangerschapsdossier (EpisodeOfCare gk-maternal-record): pariteit, voeding, factoren, ziekenhuisdagen en bezwaar tegen digitale instructie worden gelezen uit wat is opgeslagen; expliciete invoer gaat voor. Zelfde invoer en antwoord als lip-indicatie, zonder zwangerschapsdossier (dat is het dossier zelf)."""
* system = false
* type = false
* instance = true
* affectsState = true
* resource[+] = #EpisodeOfCare
* insert LipInputs
* insert LipOutputs

Instance: eigen-bijdrage
InstanceOf: OperationDefinition
Usage: #definition
Title: "Eigen bijdrage kraamzorg"
* url = "https://fhir.geboorteketen.nl/OperationDefinition/eigen-bijdrage"
* name = "EigenBijdrage"
* title = "Eigen bijdrage kraamzorg"
* status = #active
* kind = #operation
* code = #eigen-bijdrage
* description = """Berekent de wettelijke eigen bijdrage kraamzorg: uurtarief per zorgjaar (tarieventabel Library https://fhir.geboorteketen.nl/Library/eigen-bijdrage) maal de fysieke uren. Geen eigen bijdrage voor uren digitale instructie; vervalt voor gezinnen in Geboortezorg Flex pijler 1. Instance-niveau op een opgeslagen indicatie (ServiceRequest); type-niveau met uren."""
* system = false
* type = true
* instance = true
* affectsState = false
* resource[+] = #ServiceRequest
* parameter[+]
  * name = #uren
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "Type-niveau: het aantal geindiceerde uren."
  * type = #decimal
* parameter[+]
  * name = #digitaleUren
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "Uren vervangen door digitale instructie (geen eigen bijdrage)."
  * type = #decimal
* parameter[+]
  * name = #jaar
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "Het zorgjaar; standaard het jaar van de indicatie of het huidige jaar."
  * type = #integer
* parameter[+]
  * name = #pijler1
  * use = #in
  * min = 0
  * max = "1"
  * documentation = "Type-niveau: het gezin neemt deel aan Geboortezorg Flex pijler 1 (eigen bijdrage vervalt)."
  * type = #boolean
* parameter[+]
  * name = #uurtarief
  * use = #out
  * min = 1
  * max = "1"
  * documentation = "Het uurtarief van het zorgjaar."
  * type = #Money
* parameter[+]
  * name = #verschuldigdeUren
  * use = #out
  * min = 1
  * max = "1"
  * documentation = "Uren waarover eigen bijdrage verschuldigd is."
  * type = #decimal
* parameter[+]
  * name = #vrijgesteldeUren
  * use = #out
  * min = 1
  * max = "1"
  * documentation = "Uren zonder eigen bijdrage (digitale instructie, pijler 1)."
  * type = #decimal
* parameter[+]
  * name = #bedrag
  * use = #out
  * min = 1
  * max = "1"
  * documentation = "De eigen bijdrage."
  * type = #Money
* parameter[+]
  * name = #uitleg
  * use = #out
  * min = 1
  * max = "*"
  * documentation = "Uitleg per stap, in het Nederlands."
  * type = #string
* parameter[+]
  * name = #waarschuwing
  * use = #out
  * min = 0
  * max = "*"
  * documentation = "Bv. dat het tarief van een eerder jaar is gebruikt."
  * type = #string
* parameter[+]
  * name = #regeltabel
  * use = #out
  * min = 1
  * max = "1"
  * documentation = "De gebruikte tarieventabel (url|versie)."
  * type = #canonical
