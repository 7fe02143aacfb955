debriefSearch.addShard("bu",{"bulk":[1,23]});
