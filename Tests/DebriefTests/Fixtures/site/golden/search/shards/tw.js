debriefSearch.addShard("tw",{"two":[2,29]});
