debriefSearch.addShard("mo",{"mor":[4,27],"most":[1,11]});
