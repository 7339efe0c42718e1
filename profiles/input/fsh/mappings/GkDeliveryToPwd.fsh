Mapping: GkDeliveryToPwd
Id: pwd32
Title: "PWD 3.2 (Perinatale Wetenschappelijke Dataset)"
Source: GkDelivery
Target: "https://www.perined.nl"
* -> "Bevalling (delivery)"
* performed[x] -> "Datum/tijd geboorte (date and time of birth)"
* location -> "Plaats baring (place of birth)"
* performer -> "Supervisor / uitvoerder bevalling"
