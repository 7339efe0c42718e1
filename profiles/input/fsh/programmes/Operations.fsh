Instance: ondersteuning
InstanceOf: OperationDefinition
Usage: #definition
Title: "Ondersteuning: voor welke programma's komt het gezin in aanmerking"
* url = "https://fhir.geboorteketen.nl/OperationDefinition/ondersteuning"
* name = "Ondersteuning"
* title = "Ondersteuning: voor welke programma's komt het gezin in aanmerking"
* status = #active
* kind = #operation
* description = "Per programma uit de regeltabel Library/ondersteuningsprogrammas: eligible (komt in aanmerking), not-eligible of unknown (gegevens ontbreken); per criterium de uitkomst, de gebruikte gegevens (waarde, bron) en wat ontbreekt; 'uitleg' is een Nederlandse tekst die een professional zo kan voorlezen."
* code = #ondersteuning
* resource = #Patient
* system = false
* type = false
* instance = true
* affectsState = false
* parameter[0].name = #programma
* parameter[0].use = #in
* parameter[0].min = 0
* parameter[0].max = "1"
* parameter[0].type = #code
* parameter[0].documentation = "Alleen dit programma (code uit de regeltabel; een regio kan eigen codes toevoegen)."
* parameter[0].binding.strength = #extensible
* parameter[0].binding.valueSet = "https://fhir.geboorteketen.nl/ValueSet/support-programme"
* parameter[1].name = #regeltabel
* parameter[1].use = #out
* parameter[1].min = 1
* parameter[1].max = "1"
* parameter[1].type = #string
* parameter[1].documentation = "De gebruikte regeltabel: canonical|versie."
* parameter[2].name = #programma
* parameter[2].use = #out
* parameter[2].min = 0
* parameter[2].max = "*"
* parameter[2].documentation = "Eén programma: code (Coding), uitkomst (code), uitleg (string) en per criterium: id, omschrijving, uitkomst, toelichting, waarde, bron (Reference), ontbreekt."
* parameter[2].part[0].name = #code
* parameter[2].part[=].use = #out
* parameter[2].part[=].min = 1
* parameter[2].part[=].max = "1"
* parameter[2].part[=].type = #Coding
* parameter[2].part[+].name = #uitkomst
* parameter[2].part[=].use = #out
* parameter[2].part[=].min = 1
* parameter[2].part[=].max = "1"
* parameter[2].part[=].type = #code
* parameter[2].part[+].name = #uitleg
* parameter[2].part[=].use = #out
* parameter[2].part[=].min = 1
* parameter[2].part[=].max = "1"
* parameter[2].part[=].type = #string
* parameter[2].part[+].name = #criterium
* parameter[2].part[=].use = #out
* parameter[2].part[=].min = 0
* parameter[2].part[=].max = "*"
* parameter[2].part[3].part[0].name = #id
* parameter[2].part[3].part[=].use = #out
* parameter[2].part[3].part[=].min = 1
* parameter[2].part[3].part[=].max = "1"
* parameter[2].part[3].part[=].type = #string
* parameter[2].part[3].part[+].name = #omschrijving
* parameter[2].part[3].part[=].use = #out
* parameter[2].part[3].part[=].min = 1
* parameter[2].part[3].part[=].max = "1"
* parameter[2].part[3].part[=].type = #string
* parameter[2].part[3].part[+].name = #uitkomst
* parameter[2].part[3].part[=].use = #out
* parameter[2].part[3].part[=].min = 1
* parameter[2].part[3].part[=].max = "1"
* parameter[2].part[3].part[=].type = #code
* parameter[2].part[3].part[+].name = #toelichting
* parameter[2].part[3].part[=].use = #out
* parameter[2].part[3].part[=].min = 1
* parameter[2].part[3].part[=].max = "1"
* parameter[2].part[3].part[=].type = #string
* parameter[2].part[3].part[+].name = #waarde
* parameter[2].part[3].part[=].use = #out
* parameter[2].part[3].part[=].min = 0
* parameter[2].part[3].part[=].max = "1"
* parameter[2].part[3].part[=].type = #string
* parameter[2].part[3].part[+].name = #bron
* parameter[2].part[3].part[=].use = #out
* parameter[2].part[3].part[=].min = 0
* parameter[2].part[3].part[=].max = "*"
* parameter[2].part[3].part[=].type = #Reference
* parameter[2].part[3].part[+].name = #ontbreekt
* parameter[2].part[3].part[=].use = #out
* parameter[2].part[3].part[=].min = 0
* parameter[2].part[3].part[=].max = "1"
* parameter[2].part[3].part[=].type = #string

Instance: inschrijven
InstanceOf: OperationDefinition
Usage: #definition
Title: "Inschrijven in een programma"
* url = "https://fhir.geboorteketen.nl/OperationDefinition/inschrijven"
* name = "Inschrijven"
* title = "Inschrijven in een programma"
* status = #active
* kind = #operation
* description = "Schrijft het gezin van deze moeder in: controleert opnieuw alle criteria en de capaciteit, atomair per programma. Antwoord: de EpisodeOfCare (gk-programme-enrolment). 422 als het gezin niet (zeker) in aanmerking komt, 409 als het programma vol is of het gezin al is ingeschreven; de OperationOutcome legt in het Nederlands uit waarom."
* code = #inschrijven
* resource = #Patient
* system = false
* type = false
* instance = true
* affectsState = true
* parameter[0].name = #programma
* parameter[0].use = #in
* parameter[0].min = 1
* parameter[0].max = "1"
* parameter[0].type = #code
* parameter[0].documentation = "De code van het programma uit de regeltabel."
* parameter[0].binding.strength = #extensible
* parameter[0].binding.valueSet = "https://fhir.geboorteketen.nl/ValueSet/support-programme"
* parameter[1].name = #return
* parameter[1].use = #out
* parameter[1].min = 1
* parameter[1].max = "1"
* parameter[1].type = #EpisodeOfCare
* parameter[1].documentation = "De inschrijving."

Instance: monitoring
InstanceOf: OperationDefinition
Usage: #definition
Title: "Monitoring van de pilot"
* url = "https://fhir.geboorteketen.nl/OperationDefinition/monitoring"
* name = "Monitoring"
* title = "Monitoring van de pilot"
* status = #active
* kind = #operation
* description = "Seed 004 §6: per maand, gemeente en pijler de instroom, en de bij de intake geïndiceerde tegen de geleverde kraamzorguren, voor inschrijvingen die in de periode beginnen. Alleen voor de beheerder: telt over alle gezinnen in de regio."
* code = #monitoring
* system = true
* type = false
* instance = false
* affectsState = false
* parameter[0].name = #start
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #date
* parameter[=].documentation = "Eerste dag van de periode (JJJJ-MM-DD)."
* parameter[+].name = #end
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #date
* parameter[=].documentation = "Laatste dag van de periode (JJJJ-MM-DD)."
* parameter[+].name = #rij
* parameter[=].use = #out
* parameter[=].min = 0
* parameter[=].max = "*"
* parameter[=].documentation = "Eén cel: maand, gemeente, pijler, instroom, urenGeindiceerd, gezinnenMetIndicatie, urenGeleverd, gezinnenMetGeleverdeUren."
* parameter[=].part[0].name = #maand
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #string
* parameter[=].part[+].name = #gemeente
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #string
* parameter[=].part[+].name = #pijler
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #code
* parameter[=].part[+].name = #instroom
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #integer
* parameter[=].part[+].name = #urenGeindiceerd
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #decimal
* parameter[=].part[+].name = #gezinnenMetIndicatie
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #integer
* parameter[=].part[+].name = #urenGeleverd
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #decimal
* parameter[=].part[+].name = #gezinnenMetGeleverdeUren
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #integer
* parameter[+].name = #csv
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #string
* parameter[=].documentation = "Dezelfde rijen als CSV (puntkomma, UTF-8), voor een spreadsheet."
