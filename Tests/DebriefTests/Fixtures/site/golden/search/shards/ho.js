debriefSearch.addShard("ho",{"hold":[4,27],"hour":[2,29]});
