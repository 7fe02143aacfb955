debriefSearch.addShard("00",{"000":[4,27]});
