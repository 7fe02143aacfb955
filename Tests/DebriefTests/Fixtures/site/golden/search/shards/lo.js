debriefSearch.addShard("lo",{"log":[4,12],"look":[4,12]});
