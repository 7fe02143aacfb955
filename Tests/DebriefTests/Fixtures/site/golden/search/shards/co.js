debriefSearch.addShard("co",{"column":[0,28],"confirm":[3,5],"consumer":[2,29,2,37],"correlat":[3,5]});
