debriefSearch.addShard("fl",{"flag":[0,6]});
