debriefSearch.addShard("ra",{"rat":[1,60,2,146]});
