CodeSystem: GkHandoverSectionCS
Id: gk-handover-section
Title: "Geboorteketen handover sections"
Description: "Section codes of the handover documents; which data goes in each section, per handover type, is the rule table Library/overdracht."
* ^caseSensitive = true
* ^content = #complete
* ^language = #nl
* #zwangerschap "Zwangerschap" "Pregnancy and its members (EDD, gestational age, gravidity, parity, LMP, intended feeding)."
* #geplande-bevalplaats "Geplande plaats van bevalling" "Planned place of birth."
* #bevalling "Bevalling" "The birth."
* #kind "Kind" "The child and its birth observations."
* #kraamzorgindicatie "Kraamzorgindicatie" "The current LIP indication."
* #signalen "Signalen" "Signals: vulnerability, active flags, kraamweek signals."
* #voeding "Voeding per dag" "Feeding type per care day."
* #gewichtsverloop "Gewichtsverloop" "Birth weight and weights in the kraamweek."
* #geleverde-zorg "Geleverde zorg" "Kraamzorg hours delivered."
* #kwetsbaarheid "Kwetsbaarheid" "Vulnerability category."
* #gezinsplan "Gezinsplan" "Reference to the family plan."
* #toestemming "Toestemming" "The family's consent."

ValueSet: GkHandoverSectionVS
Id: gk-handover-section
Title: "Handover sections"
Description: "All handover section codes."
* include codes from system GkHandoverSectionCS

ValueSet: GkHandoverTaskStatusVS
Id: gk-handover-task-status
Title: "Handover task status"
Description: "The statuses a handover Task goes through: requested → accepted / rejected → (in-progress) → completed; cancelled when withdrawn or replaced by a correction."
* $taskStatus#requested
* $taskStatus#accepted
* $taskStatus#rejected
* $taskStatus#in-progress
* $taskStatus#completed
* $taskStatus#cancelled
