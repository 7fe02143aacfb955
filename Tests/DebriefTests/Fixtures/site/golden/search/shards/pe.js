debriefSearch.addShard("pe",{"peak":[3,37]});
