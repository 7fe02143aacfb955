debriefSearch.addShard("me",{"messag":[4,27]});
