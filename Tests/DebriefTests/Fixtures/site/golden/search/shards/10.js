debriefSearch.addShard("10",{"10":[4,55]});
